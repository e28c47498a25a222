SELECT x._luma.reservedWordTest.`order`
FROM xdmq_events AS x
WHERE x._luma.reservedWordTest.`order` LIKE '%7'
ORDER BY x._id NULLS FIRST
