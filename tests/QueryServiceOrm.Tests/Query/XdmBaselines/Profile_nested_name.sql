SELECT x._id AS Id, x.person.name.firstName AS FirstName
FROM xdm_profiles AS x
WHERE x.person.name.lastName = 'Last 5'
ORDER BY x._id NULLS FIRST
