SELECT x._id
FROM xdm_events AS x
ORDER BY x.environment.browserDetails.name NULLS FIRST, x._luma.loyalty.points DESC NULLS LAST, x._id NULLS FIRST
