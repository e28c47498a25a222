CREATE TABLE revenue_by_currency WITH (schema='Revenue \u0027by\u0027 currency', rowvalidation='false', label='PROFILE') AS
SELECT x0.Key AS Currency, COALESCE(sum(x0.commerce.`order`.priceTotal), 0) AS Revenue
FROM (
    SELECT x.commerce, x.commerce.`order`.currencyCode AS Key
    FROM xdm_events AS x
) AS x0
GROUP BY x0.Key
