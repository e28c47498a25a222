SELECT trim(c.name) AS T, ltrim(c.name) AS S, rtrim(c.name) AS E
FROM customers AS c
WHERE c.id = 6
