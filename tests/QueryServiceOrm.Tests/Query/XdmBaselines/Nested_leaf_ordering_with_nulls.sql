SELECT x._id AS Id, x._luma.loyalty.points AS Points
FROM xdm_events AS x
ORDER BY x._luma.loyalty.points NULLS FIRST, x._id NULLS FIRST
