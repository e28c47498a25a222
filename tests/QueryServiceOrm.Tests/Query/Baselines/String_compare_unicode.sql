SELECT c.id
FROM customers AS c
WHERE c.name = 'Zoë Ünïcode' OR c.city = 'São Paulo'
ORDER BY c.id NULLS FIRST
