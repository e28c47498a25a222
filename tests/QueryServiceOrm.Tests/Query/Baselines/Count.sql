SELECT CAST(count(*) AS int)
FROM customers AS c
