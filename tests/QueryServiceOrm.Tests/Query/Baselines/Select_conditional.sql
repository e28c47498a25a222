SELECT CASE
    WHEN c.score IS NULL THEN CAST('-1' AS double)
    ELSE c.score
END
FROM customers AS c
ORDER BY c.id NULLS FIRST
