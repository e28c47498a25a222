INSERT INTO xdm_flat (_id, `timestamp`, pageName)
SELECT x._id AS Id, x.`timestamp` AS `Timestamp`, x.web.webPageDetails.name AS PageName
FROM xdm_events AS x
