SELECT x._id
FROM xdm_profiles AS x
WHERE x.identityMap['Email'][1].id LIKE 'alt1%' AND x.identityMap['ECID'][0].`primary`
ORDER BY x._id NULLS FIRST
