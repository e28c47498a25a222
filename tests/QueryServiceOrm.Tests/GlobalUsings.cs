global using System.Globalization;
global using Microsoft.EntityFrameworkCore;
global using Npgsql;
global using QueryServiceOrm.Sandbox;
global using QueryServiceOrm.Tests.Support;
