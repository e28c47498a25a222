SELECT CAST(count(*) AS int)
FROM xdmq_events AS x
WHERE x._luma.loyalty.tier = 'gold'
