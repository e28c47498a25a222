SELECT x._id
FROM xdm_profiles AS x
WHERE coalesce(exists(x.identityMap['Email'], xdm_e0 -> coalesce(xdm_e0.id LIKE 'alt1%' AND xdm_e0.id IS NOT NULL, FALSE)), FALSE)
ORDER BY x._id NULLS FIRST
