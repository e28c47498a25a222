global using System.Globalization;
global using System.Text;
global using QueryServiceOrm.Sandbox.Rules;
