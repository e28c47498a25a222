SELECT DISTINCT x.commerce.`order`.currencyCode
FROM xdm_events AS x
