SELECT x._id
FROM xdm_events AS x
WHERE x._luma.reservedWordTest.`1stVisit` <> TRUE OR x._luma.reservedWordTest.`1stVisit` IS NULL
ORDER BY x._id NULLS FIRST
