SELECT x._id
FROM xdm_profiles AS x
WHERE coalesce(exists(x.identityMap['Email'], xdm_e0 -> coalesce(xdm_e0.id = 'alt4@example.com' AND xdm_e0.id IS NOT NULL, FALSE)), FALSE)
