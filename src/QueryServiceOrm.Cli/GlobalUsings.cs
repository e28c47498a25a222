global using System.CommandLine;
global using System.Globalization;
global using System.Text.Json;
