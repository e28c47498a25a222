SELECT o.status AS Key, min(o.amount) AS Min, max(o.amount) AS Max, avg(CAST(o.amount AS double)) AS Avg
FROM orders AS o
GROUP BY o.status
ORDER BY o.status NULLS FIRST
