global using BenchmarkDotNet.Attributes;
global using Microsoft.EntityFrameworkCore;
