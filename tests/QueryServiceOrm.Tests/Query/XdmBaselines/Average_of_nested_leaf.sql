SELECT avg(CAST(x._luma.loyalty.points AS double))
FROM xdm_events AS x
