SELECT instr(c.name, 'o') - 1
FROM customers AS c
ORDER BY c.id NULLS FIRST
