-- QueryServiceOrm:Write eyJDcmVhdGVUYWJsZSI6dHJ1ZSwiVGFibGUiOiJyZXZlbnVlX2J5X2N1cnJlbmN5IiwiQ29sdW1uTmFtZXMiOm51bGwsIlhkbVNjaGVtYSI6IlJldmVudWUgXHUwMDI3YnlcdTAwMjcgY3VycmVuY3kiLCJMYWJlbCI6IlBST0ZJTEUiLCJSb3dWYWxpZGF0aW9uIjpmYWxzZX0=

CREATE TABLE revenue_by_currency WITH (schema='Revenue \u0027by\u0027 currency', rowvalidation='false', label='PROFILE') AS
SELECT x0.Key AS Currency, COALESCE(sum(x0.commerce.`order`.priceTotal), 0) AS Revenue
FROM (
    SELECT x.commerce, x.commerce.`order`.currencyCode AS Key
    FROM xdm_events AS x
) AS x0
GROUP BY x0.Key
