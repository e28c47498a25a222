SELECT x._id
FROM xdm_events AS x
WHERE x._luma.reservedWordTest.`1stVisit`
ORDER BY x._id NULLS FIRST
