SELECT x._id AS Id, to_json(transform(x.identityMap['Email'], xdm_e0 -> upper(xdm_e0.id))) AS Emails
FROM xdm_profiles AS x
ORDER BY x._id NULLS FIRST
