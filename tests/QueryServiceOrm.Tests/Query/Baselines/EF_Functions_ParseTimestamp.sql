SELECT c.id
FROM customers AS c
WHERE c.joined < to_timestamp('2024-01-10 00:00:00', 'yyyy-MM-dd HH:mm:ss')
ORDER BY c.id NULLS FIRST
