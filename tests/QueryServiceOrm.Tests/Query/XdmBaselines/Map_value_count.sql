SELECT x._id AS Id, CASE
    WHEN x.identityMap['Email'] IS NOT NULL THEN size(x.identityMap['Email'])
END AS N
FROM xdm_profiles AS x
WHERE CASE
    WHEN x.identityMap['Email'] IS NOT NULL THEN size(x.identityMap['Email'])
END > 1
ORDER BY x._id NULLS FIRST
