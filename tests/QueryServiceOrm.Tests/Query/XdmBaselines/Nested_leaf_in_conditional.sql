SELECT CASE
    WHEN x._luma.loyalty.points > 5000 THEN 'high'
    ELSE 'low'
END
FROM xdm_events AS x
ORDER BY x._id NULLS FIRST
