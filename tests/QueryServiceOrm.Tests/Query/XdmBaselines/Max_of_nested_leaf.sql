SELECT max(x.commerce.`order`.priceTotal)
FROM xdm_events AS x
