SELECT CAST(count(*) AS int)
FROM xdm_events AS x
WHERE x._luma.loyalty.tier = 'gold'
