SELECT c0.id
FROM (
    SELECT c.id, c.active
    FROM customers AS c
    ORDER BY c.id NULLS FIRST
    LIMIT 10
) AS c0
WHERE c0.active
ORDER BY c0.id NULLS FIRST
