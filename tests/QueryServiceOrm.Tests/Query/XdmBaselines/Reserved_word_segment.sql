SELECT x._luma.reservedWordTest.`order`
FROM xdm_events AS x
WHERE x._luma.reservedWordTest.`order` LIKE '%7'
ORDER BY x._id NULLS FIRST
