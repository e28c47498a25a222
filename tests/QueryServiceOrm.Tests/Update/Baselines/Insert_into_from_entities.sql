INSERT INTO purchases (_id, commerce, environment, eventType, _luma, productListItems, `timestamp`, web)
SELECT x._id, x.commerce, x.environment, x.eventType, x._luma, x.productListItems, x.`timestamp`, x.web
FROM xdm_events AS x
WHERE x.eventType = 'commerce.purchases'
