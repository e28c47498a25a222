SELECT COALESCE(x._luma.loyalty.tier, 'none')
FROM xdmq_events AS x
ORDER BY x._id NULLS FIRST
