SELECT x._id AS Id, x._luma.loyalty.points AS Points
FROM xdm_events AS x
ORDER BY x._luma.loyalty.points DESC NULLS LAST, x._id NULLS FIRST
LIMIT 10 OFFSET 10
