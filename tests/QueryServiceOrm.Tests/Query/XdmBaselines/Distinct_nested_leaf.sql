SELECT DISTINCT x.commerce.`order`.currencyCode
FROM xdmq_events AS x
