CREATE TABLE busy_events AS
SELECT x._id, x.commerce, x.environment, x.eventType, x._luma, x.productListItems, x.`timestamp`, x.web
FROM xdm_events AS x
WHERE coalesce(exists(x.productListItems, xdm_e0 -> coalesce(CASE
    WHEN xdm_e0.quantity > 3 THEN TRUE
    ELSE FALSE
END, FALSE)), FALSE)
