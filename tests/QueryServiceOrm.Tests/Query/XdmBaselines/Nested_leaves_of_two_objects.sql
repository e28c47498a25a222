SELECT x._id
FROM xdm_events AS x
WHERE x.environment.browserDetails.name = 'Firefox' AND x._luma.loyalty.tier = 'gold'
ORDER BY x._id NULLS FIRST
