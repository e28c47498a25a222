SELECT COALESCE(x._luma.loyalty.tier, 'none')
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
