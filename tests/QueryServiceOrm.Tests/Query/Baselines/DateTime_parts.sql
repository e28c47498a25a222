SELECT CAST(floor(date_part('year', o.placed)) AS int) AS Year, CAST(floor(date_part('month', o.placed)) AS int) AS Month, CAST(floor(date_part('day', o.placed)) AS int) AS Day, CAST(floor(date_part('hour', o.placed)) AS int) AS Hour
FROM orders AS o
WHERE o.id <= 30
ORDER BY o.id NULLS FIRST
