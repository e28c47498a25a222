SELECT u._id AS Id, u.web.webPageDetails.name AS Name
FROM (
    SELECT x._id, x.web
    FROM xdm_events AS x
    WHERE x.eventType = 'commerce.purchases'
    UNION ALL
    SELECT x0._id, x0.web
    FROM xdm_events AS x0
    WHERE x0._luma.loyalty.tier = 'gold'
) AS u
ORDER BY u._id NULLS FIRST
LIMIT 10
