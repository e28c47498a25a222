SELECT x._id AS "Id", size(x.identityMap['Email']) AS "N"
FROM xdm_profiles AS x
WHERE size(x.identityMap['Email']) > 1
ORDER BY x._id NULLS FIRST
