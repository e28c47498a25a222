SELECT COALESCE(x.person.name.firstName, '(none)')
FROM xdm_profiles AS x
ORDER BY x._id NULLS FIRST
