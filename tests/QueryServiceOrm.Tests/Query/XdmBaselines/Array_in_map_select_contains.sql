SELECT x._id
FROM xdm_profiles AS x
WHERE coalesce(exists(x.identityMap['Email'], xdm_e0 -> coalesce(xdm_e0.authenticatedState = 'authenticated' AND xdm_e0.authenticatedState IS NOT NULL, FALSE)), FALSE)
