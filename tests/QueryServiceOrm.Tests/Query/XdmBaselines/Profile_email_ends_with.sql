SELECT x.personalEmail.address
FROM xdm_profiles AS x
WHERE x.personalEmail.address LIKE '%7@example.com'
ORDER BY x._id NULLS FIRST
