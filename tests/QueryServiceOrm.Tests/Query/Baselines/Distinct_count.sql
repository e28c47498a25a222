SELECT CAST(count(*) AS int)
FROM (
    SELECT DISTINCT c.city
    FROM customers AS c
) AS c0
