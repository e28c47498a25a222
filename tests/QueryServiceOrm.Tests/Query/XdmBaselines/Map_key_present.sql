SELECT x._id
FROM xdm_profiles AS x
WHERE x.identityMap['Email'] IS NOT NULL
ORDER BY x._id NULLS FIRST
