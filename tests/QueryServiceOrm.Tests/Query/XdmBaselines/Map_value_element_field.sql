SELECT x._id AS Id, x.identityMap['ECID'][0].id AS Ecid
FROM xdm_profiles AS x
ORDER BY x._id NULLS FIRST
