SELECT x._id AS Id, x.person.birthDate AS BirthDate
FROM xdm_profiles AS x
ORDER BY x.person.birthDate NULLS FIRST, x._id NULLS FIRST
LIMIT 20
