SELECT x._id AS Id, x0._id AS Profile, x0.person.name.lastName AS LastName
FROM xdm_events AS x
INNER JOIN xdm_profiles AS x0 ON x._luma.loyalty.tier = x0._luma.loyalty.tier
WHERE x._luma.loyalty.points > 9000
ORDER BY x._id NULLS FIRST, x0._id NULLS FIRST
