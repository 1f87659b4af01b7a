"""Unit tests for bfxutils.py (the run catalog helper bfx copies into every Databricks bundle).

No database and no driver is installed here: stand-in ``pyodbc``, ``pytds``, ``OpenSSL`` and
``certifi`` modules are put into ``sys.modules``; they record the connect() arguments and every
executed statement with its parameters. The init script bfx_init_odbc.sh is checked with
``bash -n`` and run against stub commands.
"""

from __future__ import annotations

import json
import logging
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile
import textwrap
import traceback
import types
import unittest
from pathlib import Path
from unittest import mock

import bfxutils

RESOURCES = Path(bfxutils.__file__).resolve().parent
INIT_SCRIPT = RESOURCES / "bfx_init_odbc.sh"
SECRETS_TEMPLATE = RESOURCES / "bfx_setup_secrets.ps1.mustache"

PASSWORD = "S3cr;et}Pa{ss=word"
JSON_SECRET = json.dumps(
    {
        "server": "bfx-sql.database.windows.net",
        "database": "BimlCatalog",
        "user": "bfx_notebooks",
        "password": PASSWORD,
        "port": 1433,
    }
)
CA_FILE = "/fake/certifi/cacert.pem"


# --------------------------------------------------------------------------------------------------
# Stand-in driver modules
# --------------------------------------------------------------------------------------------------


class FakeDriverError(Exception):
    pass


class FakeCursor:
    def __init__(self, module: "FakeDriverModule") -> None:
        self.module = module
        self.sets: list[tuple] = []
        self.index = 0
        self.position = 0
        self.closed = False
        self.procedure = None

    def execute(self, sql, params=()):
        self.module.executed.append((sql, tuple(params)))
        self.procedure = sql.split()[1].split(".", 1)[1] if sql.startswith("EXEC bfx.") else None
        error = self.module.execute_errors.get(self.procedure)
        if error is not None:
            raise error
        self.sets = list(self.module.results.get(self.procedure, []))
        self.index = 0
        self.position = 0
        return self

    @property
    def description(self):
        if self.index >= len(self.sets) or self.sets[self.index][0] is None:
            return None
        return tuple((name, None, None, None, None, None, True) for name in self.sets[self.index][0])

    def fetchone(self):
        rows = self.sets[self.index][1]
        if self.position >= len(rows):
            return None
        self.position += 1
        return rows[self.position - 1]

    def nextset(self):
        error = self.module.nextset_errors.get(self.procedure)
        if error is not None:
            raise error
        if self.index + 1 < len(self.sets):
            self.index += 1
            self.position = 0
            return True
        self.index = len(self.sets)
        return None

    def close(self):
        self.closed = True


class FakeConnection:
    def __init__(self, module: "FakeDriverModule") -> None:
        self.module = module
        self.closed = False
        self.timeout = 0
        module.connections.append(self)

    def cursor(self):
        return FakeCursor(self.module)

    def close(self):
        self.closed = True


class FakeDriverModule(types.ModuleType):
    """Enough of pyodbc / pytds for bfxutils: connect(), paramstyle, cursors with result sets."""

    def __init__(self, name: str, paramstyle: str) -> None:
        super().__init__(name)
        self.paramstyle = paramstyle
        self.Error = FakeDriverError
        self.connect_calls: list[tuple[tuple, dict]] = []
        self.connect_errors: list[BaseException] = []
        self.connections: list[FakeConnection] = []
        self.executed: list[tuple[str, tuple]] = []
        self.results: dict[str, list[tuple]] = {}
        self.execute_errors: dict[str, BaseException] = {}
        self.nextset_errors: dict[str, BaseException] = {}

    def connect(self, *args, **kwargs):
        self.connect_calls.append((args, kwargs))
        if self.connect_errors:
            raise self.connect_errors.pop(0)
        return FakeConnection(self)


class FakeSecrets:
    def __init__(self, values: dict, error: BaseException | None = None) -> None:
        self.values = values
        self.error = error
        self.calls: list[tuple[str, str]] = []

    def get(self, scope, key):
        self.calls.append((scope, key))
        if self.error is not None:
            raise self.error
        return self.values[(scope, key)]


class FakeDbutils:
    def __init__(self, values: dict, error: BaseException | None = None) -> None:
        self.secrets = FakeSecrets(values, error)


class FakeModulesMixin:
    """Installs fresh stand-ins for pyodbc, pytds, OpenSSL and certifi around each test."""

    def setUp(self):
        super().setUp()
        self.pyodbc = FakeDriverModule("pyodbc", "qmark")
        self.pytds = FakeDriverModule("pytds", "pyformat")
        openssl = types.ModuleType("OpenSSL")
        certifi = types.ModuleType("certifi")
        certifi.where = lambda: CA_FILE
        patcher = mock.patch.dict(
            sys.modules,
            {"pyodbc": self.pyodbc, "pytds": self.pytds, "OpenSSL": openssl, "certifi": certifi},
        )
        patcher.start()
        self.addCleanup(patcher.stop)
        for module in (self.pyodbc, self.pytds):
            module.results.update(
                {
                    "LogExecutionStart": [
                        (
                            ("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"),
                            [(42, "E", "P", None)],
                        )
                    ],
                    "LogExecutionError": [(("ExecutionID", "NextLoadStatus"), [(42, "D")])],
                    "GetConfigVariable": [(("VariableValue",), [("2024-05-01 00:00:00",)])],
                }
            )

    def module_for(self, driver: str) -> FakeDriverModule:
        return self.pyodbc if driver == "ODBC" else self.pytds

    def make_catalog(self, driver: str, secret: str = JSON_SECRET, **options) -> bfxutils.Catalog:
        options.setdefault("retry_delay", 0)
        return bfxutils.Catalog(bfxutils.parse_credentials(secret), driver, **options)


# --------------------------------------------------------------------------------------------------
# Credentials
# --------------------------------------------------------------------------------------------------


class CredentialsTest(unittest.TestCase):
    def test_json_credentials(self):
        credentials = bfxutils.parse_credentials(JSON_SECRET)
        self.assertEqual(credentials.server, "bfx-sql.database.windows.net")
        self.assertEqual(credentials.database, "BimlCatalog")
        self.assertEqual(credentials.user, "bfx_notebooks")
        self.assertEqual(credentials.password, PASSWORD)
        self.assertEqual(credentials.port, 1433)
        self.assertIsNone(credentials.odbc_connection_string)

    def test_json_port_is_optional_and_may_be_text(self):
        base = {"server": "h", "database": "d", "user": "u", "password": "p"}
        self.assertEqual(bfxutils.parse_credentials(json.dumps(base)).port, 1433)
        self.assertEqual(bfxutils.parse_credentials(json.dumps({**base, "port": "14330"})).port, 14330)

    def test_json_keys_are_case_insensitive_and_server_may_carry_tcp_and_port(self):
        secret = json.dumps(
            {"Server": "tcp:h.database.windows.net,1444", "DATABASE": "d", "User": "u", "Password": "p"}
        )
        credentials = bfxutils.parse_credentials("\ufeff  " + secret + "\r\n")
        self.assertEqual((credentials.server, credentials.port), ("h.database.windows.net", 1444))
        self.assertEqual((credentials.database, credentials.user, credentials.password), ("d", "u", "p"))

    def test_odbc_string_from_the_azure_portal(self):
        secret = (
            "Driver={ODBC Driver 18 for SQL Server};Server=tcp:host.database.windows.net,1433;"
            "Database=BimlCatalog;Uid=u;Pwd=p;Encrypt=yes;TrustServerCertificate=no"
        )
        credentials = bfxutils.parse_credentials(secret)
        self.assertEqual(credentials.server, "host.database.windows.net")
        self.assertEqual(credentials.port, 1433)
        self.assertEqual(credentials.database, "BimlCatalog")
        self.assertEqual((credentials.user, credentials.password), ("u", "p"))
        self.assertEqual(credentials.odbc_connection_string, secret)

    def test_odbc_string_other_spellings(self):
        cases = {
            "Address=h1;Initial Catalog=db1;User ID=u1;Password=p1": ("h1", 1433, "db1", "u1", "p1"),
            " SERVER = h2 , 1500 ; database = db2 ; uid = u2 ; pwd = p2 ;": ("h2", 1500, "db2", "u2", "p2"),
            "data  source=tcp:h3;INITIAL   CATALOG=db3;user id=u3;PASSWORD={p;3}": ("h3", 1433, "db3", "u3", "p;3"),
            "Server=h4;Database={My Db};Uid={u4};Pwd={a}}b;c=d}}};": ("h4", 1433, "My Db", "u4", "a}b;c=d}"),
            "Addr=h5,1601;Database=db5;UID=u5;PWD=p5;Server=ignored": ("h5", 1601, "db5", "u5", "p5"),
            "Server=h6;Database=db6;Uid=u6;Pwd=first;Pwd=second": ("h6", 1433, "db6", "u6", "first"),
        }
        for secret, expected in cases.items():
            with self.subTest(secret=secret):
                c = bfxutils.parse_credentials(secret)
                self.assertEqual((c.server, c.port, c.database, c.user, c.password), expected)

    def test_braced_value_keeps_spaces_and_unbraced_is_trimmed(self):
        values = bfxutils.parse_odbc_connection_string("Pwd={ a b };Uid=  u  ;App Name = x ")
        self.assertEqual(values, {"pwd": " a b ", "uid": "u", "app name": "x"})

    def test_jdbc_url(self):
        c = bfxutils.parse_credentials(
            "jdbc:sqlserver://h.database.windows.net:1433;databaseName=BimlCatalog;user=u;"
            "password={p;w};encrypt=true"
        )
        self.assertEqual(
            (c.server, c.port, c.database, c.user, c.password),
            ("h.database.windows.net", 1433, "BimlCatalog", "u", "p;w"),
        )

    def test_bad_secrets_give_clear_errors_without_the_secret(self):
        secret_word = "TopSecretValue1"
        cases = {
            "": "empty",
            "   ": "empty",
            f"just-some-text-{secret_word}": "neither JSON",
            "{not json " + secret_word: "not valid JSON",
            json.dumps([secret_word]): "must be an object",
            json.dumps({"server": "h", "database": "d", "user": secret_word}): "password",
            json.dumps({"server": "h", "database": "", "user": "u", "password": secret_word}): "database",
            json.dumps({"server": "h", "database": "d", "user": "u", "password": secret_word, "port": "x"}): "port",
            json.dumps({"server": "h", "database": "d", "user": "u", "password": secret_word, "port": 70000}): "port",
            f"Server=h;Pwd={{{secret_word}": "not closed",
            f"Server=h;Pwd={{{secret_word}}}x;Uid=u": "unexpected text",
            f"Database=d;Uid=u;Pwd={secret_word}": "names no server",
            f"Server=h,abc;Pwd={secret_word}": "port",
            f"Server=h;{secret_word};Pwd=x": "without '='",
        }
        for secret, expected in cases.items():
            with self.subTest(secret=secret):
                with self.assertRaises(bfxutils.CredentialsError) as caught:
                    bfxutils.parse_credentials(secret)
                self.assertIn(expected, str(caught.exception))
                self.assertNotIn(secret_word, str(caught.exception))
                self.assertIsInstance(caught.exception, bfxutils.CatalogError)

    def test_repr_and_str_hide_the_password(self):
        credentials = bfxutils.parse_credentials(JSON_SECRET)
        for text in (repr(credentials), str(credentials), f"{credentials}", repr([credentials])):
            self.assertNotIn(PASSWORD, text)
            self.assertIn("***", text)
            self.assertIn("bfx-sql.database.windows.net", text)
        odbc = bfxutils.parse_credentials(f"Server=h;Database=d;Uid=u;Pwd={{{PASSWORD.replace('}', '}}')}}}")
        self.assertEqual(odbc.password, PASSWORD)
        self.assertNotIn(PASSWORD, repr(odbc))

    def test_credentials_cannot_be_pickled(self):
        import pickle

        with self.assertRaises(TypeError):
            pickle.dumps(bfxutils.parse_credentials(JSON_SECRET))


# --------------------------------------------------------------------------------------------------
# Procedures, for both drivers
# --------------------------------------------------------------------------------------------------


class ProcedureCallsMixin(FakeModulesMixin):
    DRIVER = ""
    MARK = ""

    def setUp(self):
        super().setUp()
        self.module = self.module_for(self.DRIVER)
        self.other = self.pytds if self.module is self.pyodbc else self.pyodbc
        self.catalog = self.make_catalog(self.DRIVER)

    def expected_sql(self, procedure, *names):
        return f"EXEC bfx.{procedure} " + ", ".join(f"@{n} = {self.MARK}" for n in names)

    def assert_only_call(self, procedure, names, values):
        self.assertEqual(self.module.executed, [(self.expected_sql(procedure, *names), tuple(values))])
        self.assertEqual(self.other.executed, [])
        self.assertTrue(all(c.closed for c in self.module.connections))

    def test_log_execution_start(self):
        result = self.catalog.log_execution_start("LOAD_Customer", "Sales", True, None, "run-1")
        self.assert_only_call(
            "LogExecutionStart",
            ["PackageName", "ProjectName", "IsBatch", "ParentExecutionID", "RunId"],
            ["LOAD_Customer", "Sales", True, None, "run-1"],
        )
        self.assertEqual(
            result,
            {"ExecutionID": 42, "ExecutionStatus": "E", "NextLoadStatus": "P", "LastExecutionID": None},
        )

    def test_log_execution_start_child_defaults(self):
        self.catalog.log_execution_start("LOAD_Customer", "Sales", 0, parent_execution_id=7)
        self.assertEqual(self.module.executed[0][1], ("LOAD_Customer", "Sales", False, 7, None))

    def test_log_execution_start_maps_columns_by_name(self):
        self.module.results["LogExecutionStart"] = [
            (None, None),  # a row count message before the result set (no NOCOUNT)
            (("lastexecutionid", "NEXTLOADSTATUS", "ExecutionStatus", "ExecutionId"), [(40, "D", "D", 43)]),
        ]
        result = self.catalog.log_execution_start("P", "Proj", False)
        self.assertEqual(
            result,
            {"ExecutionID": 43, "ExecutionStatus": "D", "NextLoadStatus": "D", "LastExecutionID": 40},
        )
        self.assertEqual(list(result), ["ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"])

    def test_log_execution_start_without_row_is_an_error(self):
        self.module.results["LogExecutionStart"] = [(("ExecutionID",), [])]
        with self.assertRaises(bfxutils.CatalogError) as caught:
            self.catalog.log_execution_start("P", "Proj", False)
        self.assertIn("bfx.LogExecutionStart", str(caught.exception))
        self.assertEqual(caught.exception.procedure, "LogExecutionStart")

    def test_log_execution_start_missing_column_is_an_error(self):
        self.module.results["LogExecutionStart"] = [(("ExecutionID", "ExecutionStatus"), [(1, "E")])]
        with self.assertRaises(bfxutils.CatalogError) as caught:
            self.catalog.log_execution_start("P", "Proj", False)
        self.assertIn("NextLoadStatus", str(caught.exception))

    def test_log_execution_end(self):
        self.assertIsNone(self.catalog.log_execution_end(42))
        self.assert_only_call("LogExecutionEnd", ["ExecutionID"], [42])

    def test_log_execution_error(self):
        status = self.catalog.log_execution_error(42, "LOAD_Customer", "boom", "databricks")
        self.assert_only_call(
            "LogExecutionError",
            ["ExecutionID", "ActivityName", "ErrorMessage", "FailedStage"],
            [42, "LOAD_Customer", "boom", "DATABRICKS"],
        )
        self.assertEqual(status, "D")

    def test_log_execution_error_rejects_unknown_stage(self):
        with self.assertRaises(ValueError):
            self.catalog.log_execution_error(42, "a", "m", "SPARK")
        self.assertEqual(self.module.executed, [])

    def test_log_row_count(self):
        self.catalog.log_row_count(42, "dv.HUB_Customer", "Insert", 12345678901)
        self.assert_only_call(
            "LogRowCount",
            ["ExecutionID", "ObjectName", "CountType", "RowCount"],
            [42, "dv.HUB_Customer", "Insert", 12345678901],
        )

    def test_get_config_variable(self):
        value = self.catalog.get_config_variable("Sales", "dbo.Customer", "LastModified", "1900-01-01", 42)
        self.assert_only_call(
            "GetConfigVariable",
            ["SystemName", "ObjectName", "VariableName", "DefaultValue", "ExecutionID"],
            ["Sales", "dbo.Customer", "LastModified", "1900-01-01", 42],
        )
        self.assertEqual(value, "2024-05-01 00:00:00")

    def test_get_config_variable_defaults(self):
        self.module.results["GetConfigVariable"] = [(("VariableValue",), [(None,)])]
        self.assertIsNone(self.catalog.get_config_variable("S", "O", "V"))
        self.assertEqual(self.module.executed[0][1], ("S", "O", "V", None, None))

    def test_set_config_variable(self):
        self.catalog.set_config_variable("Sales", "dbo.Customer", "LastId", 1234, execution_id=42)
        self.assert_only_call(
            "SetConfigVariable",
            ["SystemName", "ObjectName", "VariableName", "VariableValue", "ExecutionID"],
            ["Sales", "dbo.Customer", "LastId", "1234", 42],
        )

    def test_values_are_never_formatted_into_the_sql(self):
        hostile = "x'; DROP TABLE bfx.Execution; --"
        self.catalog.log_row_count(1, hostile, "Insert", 1)
        sql, params = self.module.executed[0]
        self.assertNotIn("DROP", sql)
        self.assertIn(hostile, params)

    def test_driver_error_names_procedure_and_hides_password(self):
        self.module.execute_errors["LogRowCount"] = FakeDriverError(
            f"Login failed for user 'bfx_notebooks' with password '{PASSWORD}'"
        )
        with self.assertRaises(bfxutils.CatalogError) as caught:
            self.catalog.log_row_count(42, "o", "Insert", 1)
        error = caught.exception
        self.assertEqual(error.procedure, "LogRowCount")
        self.assertIn("bfx.LogRowCount", str(error))
        self.assertIn("FakeDriverError", str(error))
        self.assertNotIn(PASSWORD, str(error))
        self.assertIsNone(error.__cause__)
        self.assertTrue(error.__suppress_context__)
        printed = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self.assertNotIn(PASSWORD, printed)
        self.assertTrue(all(c.closed for c in self.module.connections))

    def test_error_in_a_later_result_set_surfaces(self):
        self.module.nextset_errors["LogExecutionEnd"] = FakeDriverError("deadlock victim")
        with self.assertRaises(bfxutils.CatalogError) as caught:
            self.catalog.log_execution_end(42)
        self.assertIn("bfx.LogExecutionEnd", str(caught.exception))
        self.assertIn("deadlock victim", str(caught.exception))

    def test_connect_failure_is_retried_then_reported_without_password(self):
        catalog = self.make_catalog(self.DRIVER, connect_retries=2)
        self.module.connect_errors = [FakeDriverError(f"no route; pwd={PASSWORD}")] * 3
        with self.assertRaises(bfxutils.CatalogError) as caught:
            catalog.log_execution_end(42)
        self.assertEqual(len(self.module.connect_calls), 3)
        self.assertIn("bfx.LogExecutionEnd", str(caught.exception))
        self.assertIn("could not connect", str(caught.exception))
        self.assertNotIn(PASSWORD, str(caught.exception))
        self.assertEqual(self.module.executed, [])

    def test_connect_succeeds_after_a_transient_failure(self):
        catalog = self.make_catalog(self.DRIVER, connect_retries=1)
        self.module.connect_errors = [FakeDriverError("database is resuming")]
        catalog.log_execution_end(42)
        self.assertEqual(len(self.module.connect_calls), 2)
        self.assertEqual(len(self.module.executed), 1)

    def test_password_never_logged(self):
        with self.assertLogs("bfxutils", level="DEBUG") as logs:
            catalog = self.make_catalog(self.DRIVER, connect_retries=1)
            self.module.connect_errors = [FakeDriverError(f"first try {PASSWORD}")]
            with bfxutils.step(catalog, "P", "Proj") as s:
                s.log_row_count("o", "Insert", 3)
            self.module.execute_errors["LogExecutionEnd"] = FakeDriverError(f"bad {PASSWORD}")
            with self.assertRaises(bfxutils.CatalogError):
                catalog.log_execution_end(1)
        text = "\n".join(logs.output)
        self.assertIn("LogExecutionStart", text)
        self.assertNotIn(PASSWORD, text)
        self.assertNotIn(PASSWORD, repr(catalog))


class OdbcProcedureCallsTest(ProcedureCallsMixin, unittest.TestCase):
    DRIVER = "ODBC"
    MARK = "?"


class JdbcProcedureCallsTest(ProcedureCallsMixin, unittest.TestCase):
    DRIVER = "JDBC"
    MARK = "%s"


# --------------------------------------------------------------------------------------------------
# Connecting
# --------------------------------------------------------------------------------------------------


class ConnectTest(FakeModulesMixin, unittest.TestCase):
    def test_pytds_connect_arguments(self):
        catalog = self.make_catalog("jdbc", login_timeout=33, query_timeout=77)
        catalog.log_execution_end(1)
        self.assertEqual(len(self.pytds.connect_calls), 1)
        args, kwargs = self.pytds.connect_calls[0]
        self.assertEqual(args, ())
        self.assertEqual(
            kwargs,
            {
                "dsn": "bfx-sql.database.windows.net",
                "port": 1433,
                "database": "BimlCatalog",
                "user": "bfx_notebooks",
                "password": PASSWORD,
                "cafile": CA_FILE,
                "validate_host": True,
                "enc_login_only": False,
                "autocommit": True,
                "login_timeout": 33,
                "timeout": 77,
                "appname": "bfx",
            },
        )
        self.assertEqual(self.pyodbc.connect_calls, [])

    def test_pytds_from_an_odbc_secret(self):
        catalog = self.make_catalog(
            "JDBC", "Server=tcp:h.database.windows.net,1435;Database=C;Uid=u;Pwd={p;w}"
        )
        catalog.log_execution_end(1)
        kwargs = self.pytds.connect_calls[0][1]
        self.assertEqual(
            (kwargs["dsn"], kwargs["port"], kwargs["database"], kwargs["user"], kwargs["password"]),
            ("h.database.windows.net", 1435, "C", "u", "p;w"),
        )

    def test_pyodbc_connect_with_a_string_built_from_json(self):
        catalog = self.make_catalog("ODBC", login_timeout=20, query_timeout=90)
        catalog.log_execution_end(1)
        args, kwargs = self.pyodbc.connect_calls[0]
        self.assertEqual(kwargs, {"autocommit": True, "timeout": 20})
        self.assertEqual(len(args), 1)
        connection_string = args[0]
        self.assertEqual(
            connection_string,
            "Driver={ODBC Driver 18 for SQL Server};Server=tcp:bfx-sql.database.windows.net,1433;"
            "Database={BimlCatalog};Uid={bfx_notebooks};Pwd={S3cr;et}}Pa{ss=word};"
            "Encrypt=yes;TrustServerCertificate=no",
        )
        # the quoting round-trips through an ODBC parser
        self.assertEqual(bfxutils.parse_odbc_connection_string(connection_string)["pwd"], PASSWORD)
        self.assertEqual(self.pyodbc.connections[0].timeout, 90)
        self.assertEqual(self.pytds.connect_calls, [])

    def test_pyodbc_uses_an_odbc_secret_as_given(self):
        secret = (
            "Driver={ODBC Driver 17 for SQL Server};Server=tcp:h,1433;Database=C;Uid=u;Pwd=p;"
            "Encrypt=yes"
        )
        self.make_catalog("ODBC", secret).log_execution_end(1)
        self.assertEqual(self.pyodbc.connect_calls[0][0], (secret,))

    def test_pyodbc_adds_a_driver_when_the_secret_has_none(self):
        secret = "Server=tcp:h,1433;Database=C;Uid=u;Pwd=p"
        self.make_catalog("ODBC", secret, odbc_driver="My Driver").log_execution_end(1)
        self.assertEqual(self.pyodbc.connect_calls[0][0], ("Driver={My Driver};" + secret,))

    def test_pyodbc_accepts_a_dsn_only_secret(self):
        self.make_catalog("ODBC", "DSN=BimlCatalog;Uid=u;Pwd=p").log_execution_end(1)
        self.assertEqual(self.pyodbc.connect_calls[0][0], ("DSN=BimlCatalog;Uid=u;Pwd=p",))

    def test_jdbc_needs_user_and_password(self):
        credentials = bfxutils.parse_credentials("Server=h;Database=d;Authentication=ActiveDirectoryMsi")
        with self.assertRaises(bfxutils.CredentialsError) as caught:
            bfxutils.Catalog(credentials, "JDBC")
        self.assertIn("user", str(caught.exception))
        self.assertIn("password", str(caught.exception))
        bfxutils.Catalog(credentials, "ODBC")  # the ODBC driver may know how to log in

    def test_unknown_driver(self):
        credentials = bfxutils.parse_credentials(JSON_SECRET)
        with self.assertRaises(ValueError) as caught:
            bfxutils.Catalog(credentials, "SIMBA")
        self.assertIn("ODBC", str(caught.exception))
        self.assertIn("JDBC", str(caught.exception))

    def test_missing_modules_give_hints(self):
        cases = [
            ("ODBC", "pyodbc", "pyodbc"),
            ("JDBC", "pytds", "python-tds"),
            ("JDBC", "OpenSSL", "pyOpenSSL"),
        ]
        for driver, module, hint in cases:
            with self.subTest(module=module), mock.patch.dict(sys.modules, {module: None}):
                with self.assertRaises(bfxutils.CatalogError) as caught:
                    self.make_catalog(driver).log_execution_end(1)
                self.assertIn(hint, str(caught.exception))
                self.assertEqual(caught.exception.procedure, "LogExecutionEnd")
                self.assertEqual(self.pytds.connect_calls + self.pyodbc.connect_calls, [])

    def test_without_certifi_the_system_bundle_is_used_or_a_hint_given(self):
        with mock.patch.dict(sys.modules, {"certifi": None}):
            with mock.patch.object(bfxutils, "_system_ca_file", return_value="/etc/ssl/x.pem"):
                self.make_catalog("JDBC").log_execution_end(1)
            self.assertEqual(self.pytds.connect_calls[-1][1]["cafile"], "/etc/ssl/x.pem")
            with mock.patch.object(bfxutils, "_system_ca_file", return_value=None):
                with self.assertRaises(bfxutils.CatalogError) as caught:
                    self.make_catalog("JDBC").log_execution_end(1)
            self.assertIn("certifi", str(caught.exception))

    def test_module_imports_without_any_driver(self):
        code = textwrap.dedent(
            """
            import sys
            for name in ("pyodbc", "pytds", "OpenSSL", "certifi"):
                sys.modules[name] = None
            import bfxutils
            bfxutils.parse_credentials('{"server":"h","database":"d","user":"u","password":"p"}')
            print("imported")
            """
        )
        env = dict(os.environ, PYTHONPATH=str(RESOURCES), PYTHONDONTWRITEBYTECODE="1")
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "imported")

    def test_source_compiles(self):
        with tempfile.TemporaryDirectory() as tmp:
            py_compile.compile(
                str(RESOURCES / "bfxutils.py"), cfile=os.path.join(tmp, "b.pyc"), doraise=True
            )


# --------------------------------------------------------------------------------------------------
# from_databricks_secret
# --------------------------------------------------------------------------------------------------


class FromDatabricksSecretTest(FakeModulesMixin, unittest.TestCase):
    def test_reads_the_secret_and_uses_the_driver(self):
        dbutils = FakeDbutils({("bfx", "catalog"): JSON_SECRET})
        catalog = bfxutils.from_databricks_secret(dbutils, "bfx", "catalog", "JDBC", retry_delay=0)
        self.assertEqual(dbutils.secrets.calls, [("bfx", "catalog")])
        self.assertEqual(catalog.driver, "JDBC")
        self.assertEqual(catalog.credentials.password, PASSWORD)
        catalog.log_execution_end(5)
        self.assertEqual(len(self.pytds.executed), 1)

    def test_odbc_driver(self):
        dbutils = FakeDbutils({("s", "k"): JSON_SECRET})
        catalog = bfxutils.from_databricks_secret(dbutils, "s", "k", "odbc")
        self.assertEqual(catalog.driver, "ODBC")
        catalog.log_execution_end(5)
        self.assertEqual(len(self.pyodbc.executed), 1)

    def test_missing_secret(self):
        dbutils = FakeDbutils({}, error=RuntimeError("Secret does not exist with scope: s and key: k"))
        with self.assertRaises(bfxutils.CredentialsError) as caught:
            bfxutils.from_databricks_secret(dbutils, "s", "k", "JDBC")
        self.assertIn("'s'", str(caught.exception))
        self.assertIn("'k'", str(caught.exception))

    def test_bad_secret_names_scope_and_key_but_not_the_value(self):
        dbutils = FakeDbutils({("s", "k"): f"garbage {PASSWORD}"})
        with self.assertRaises(bfxutils.CredentialsError) as caught:
            bfxutils.from_databricks_secret(dbutils, "s", "k", "JDBC")
        self.assertIn("scope 's', key 'k'", str(caught.exception))
        self.assertNotIn(PASSWORD, str(caught.exception))

    def test_bad_driver_before_reading_the_secret(self):
        dbutils = FakeDbutils({("s", "k"): JSON_SECRET})
        with self.assertRaises(ValueError):
            bfxutils.from_databricks_secret(dbutils, "s", "k", "ADO")
        self.assertEqual(dbutils.secrets.calls, [])


# --------------------------------------------------------------------------------------------------
# step / run_logged
# --------------------------------------------------------------------------------------------------


class StepTest(FakeModulesMixin, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.catalog = self.make_catalog("JDBC")

    def procedures(self):
        return [sql.split()[1] for sql, _ in self.pytds.executed]

    def test_success_logs_start_row_counts_end(self):
        with bfxutils.step(
            self.catalog, "LOAD_Customer", "Sales", parent_execution_id=7, run_id="r1"
        ) as s:
            self.assertFalse(s.skip)
            self.assertEqual(s.execution_id, 42)
            s.log_row_count("dv.HUB_Customer", "Insert", 10)
        self.assertEqual(
            self.procedures(), ["bfx.LogExecutionStart", "bfx.LogRowCount", "bfx.LogExecutionEnd"]
        )
        self.assertEqual(self.pytds.executed[0][1], ("LOAD_Customer", "Sales", False, 7, "r1"))
        self.assertEqual(self.pytds.executed[1][1], (42, "dv.HUB_Customer", "Insert", 10))
        self.assertEqual(self.pytds.executed[2][1], (42,))

    def test_failure_logs_error_with_databricks_and_reraises(self):
        failure = ZeroDivisionError("division by zero in the satellite")
        with self.assertRaises(ZeroDivisionError) as caught:
            with bfxutils.step(self.catalog, "LOAD_Customer", "Sales", activity_name="SAT_Customer"):
                raise failure
        self.assertIs(caught.exception, failure)
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart", "bfx.LogExecutionError"])
        execution_id, activity, message, stage = self.pytds.executed[1][1]
        self.assertEqual((execution_id, activity, stage), (42, "SAT_Customer", "DATABRICKS"))
        self.assertEqual(message, "ZeroDivisionError: division by zero in the satellite")

    def test_cancellation_is_logged_too(self):
        with self.assertRaises(KeyboardInterrupt):
            with bfxutils.step(self.catalog, "P", "Proj"):
                raise KeyboardInterrupt()
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart", "bfx.LogExecutionError"])
        self.assertEqual(self.pytds.executed[1][1][1], "P")  # activity defaults to the package

    def test_long_error_message_is_cut(self):
        with self.assertRaises(ValueError):
            with bfxutils.step(self.catalog, "P", "Proj"):
                raise ValueError("x" * 10000)
        self.assertEqual(len(self.pytds.executed[1][1][2]), bfxutils.MAX_ERROR_MESSAGE_LENGTH)

    def test_failing_error_log_keeps_the_original_exception(self):
        self.pytds.execute_errors["LogExecutionError"] = FakeDriverError("catalog down")
        with self.assertLogs("bfxutils", level="ERROR") as logs:
            with self.assertRaises(RuntimeError) as caught:
                with bfxutils.step(self.catalog, "P", "Proj"):
                    raise RuntimeError("the real problem")
        self.assertEqual(str(caught.exception), "the real problem")
        self.assertIn("catalog down", "\n".join(logs.output))

    def test_skip_logs_neither_end_nor_error(self):
        self.pytds.results["LogExecutionStart"] = [
            (("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"), [(50, "C", "C", 12)])
        ]
        with bfxutils.step(self.catalog, "P", "Proj") as s:
            self.assertTrue(s.skip)
            self.assertEqual(s.last_execution_id, 12)
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart"])

    def test_abort_fails_the_task_before_the_body_and_logs_nothing_more(self):
        self.pytds.results["LogExecutionStart"] = [
            (("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"), [(50, "A", None, 12)])
        ]
        ran = []
        with self.assertRaises(bfxutils.ExecutionAborted) as caught:
            with bfxutils.step(self.catalog, "P", "Proj"):
                ran.append(True)
        self.assertEqual(ran, [], "the body does not run")
        self.assertIn("execution 12 of it is still open", str(caught.exception))
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart"])
        with self.assertRaises(bfxutils.ExecutionAborted):
            bfxutils.run_logged(self.catalog, "P", "Proj", lambda step: ran.append(step))
        self.assertEqual(ran, [])

    def test_databricks_restart_is_processed(self):
        self.pytds.results["LogExecutionStart"] = [
            (("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"), [(51, "D", "P", 40)])
        ]
        with bfxutils.step(self.catalog, "P", "Proj") as s:
            self.assertFalse(s.skip)
            self.assertTrue(s.is_databricks_restart)
            self.assertEqual(s.last_execution_id, 40)
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart", "bfx.LogExecutionEnd"])

    def test_end_failure_is_raised(self):
        self.pytds.execute_errors["LogExecutionEnd"] = FakeDriverError("timeout")
        with self.assertRaises(bfxutils.CatalogError) as caught:
            with bfxutils.step(self.catalog, "P", "Proj"):
                pass
        self.assertEqual(caught.exception.procedure, "LogExecutionEnd")

    def test_run_logged(self):
        seen = []
        result = bfxutils.run_logged(self.catalog, "P", "Proj", lambda s: seen.append(s.execution_id) or "done")
        self.assertEqual((result, seen), ("done", [42]))
        self.assertEqual(self.procedures(), ["bfx.LogExecutionStart", "bfx.LogExecutionEnd"])

    def test_run_logged_skips_the_body(self):
        self.pytds.results["LogExecutionStart"] = [
            (("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"), [(9, "C", "C", 3)])
        ]
        body = mock.Mock()
        self.assertIsNone(bfxutils.run_logged(self.catalog, "P", "Proj", body, is_batch=False))
        body.assert_not_called()

    def test_run_logged_failure(self):
        def body(_):
            raise OSError("disk full")

        with self.assertRaises(OSError):
            bfxutils.run_logged(self.catalog, "P", "Proj", body)
        self.assertEqual(self.pytds.executed[-1][1][2:], ("OSError: disk full", "DATABRICKS"))


# --------------------------------------------------------------------------------------------------
# bfx_init_odbc.sh
# --------------------------------------------------------------------------------------------------

STUBS = {
    "dpkg-query": """#!/usr/bin/env bash
pkg="${@: -1}"
echo "dpkg-query $*" >> "$STUB_LOG"
if [[ " ${STUB_INSTALLED:-} " == *" $pkg "* ]]; then printf 'install ok installed'; exit 0; fi
exit 1
""",
    "apt-get": """#!/usr/bin/env bash
echo "apt-get ACCEPT_EULA=${ACCEPT_EULA:-} $*" >> "$STUB_LOG"
""",
    "dpkg": """#!/usr/bin/env bash
echo "dpkg $*" >> "$STUB_LOG"
""",
    "curl": """#!/usr/bin/env bash
echo "curl $*" >> "$STUB_LOG"
out=""
while [[ $# -gt 0 ]]; do if [[ "$1" == "-o" ]]; then out="$2"; shift; fi; shift; done
[[ -n "$out" ]] && echo deb > "$out"
exit 0
""",
    "python": """#!/usr/bin/env bash
echo "python $*" >> "$STUB_LOG"
if [[ "$1" == "-c" ]]; then exit "${STUB_PYODBC_MISSING:-0}"; fi
exit 0
""",
}


@unittest.skipUnless(shutil.which("bash"), "bash is not installed")
class InitScriptTest(unittest.TestCase):
    def test_parses(self):
        result = subprocess.run(["bash", "-n", str(INIT_SCRIPT)], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = INIT_SCRIPT.read_text()
        self.assertTrue(text.startswith("#!"))
        self.assertIn("set -euo pipefail", text)

    def run_script(self, installed: str, pyodbc_missing: bool, os_id: str = "ubuntu"):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        stubs = tmp / "bin"
        stubs.mkdir()
        for name, body in STUBS.items():
            path = stubs / name
            path.write_text(body)
            path.chmod(0o755)
        os_release = tmp / "os-release"
        os_release.write_text(f'ID={os_id}\nVERSION_ID="22.04"\n')
        log = tmp / "log"
        log.write_text("")
        env = {
            "PATH": f"{stubs}:/usr/bin:/bin",
            "HOME": str(tmp),
            "TMPDIR": str(tmp),
            "STUB_LOG": str(log),
            "STUB_INSTALLED": installed,
            "STUB_PYODBC_MISSING": "1" if pyodbc_missing else "0",
            "BFX_PYTHON": str(stubs / "python"),
            "BFX_OS_RELEASE_FILE": str(os_release),
        }
        result = subprocess.run(
            ["bash", str(INIT_SCRIPT)], capture_output=True, text=True, env=env, timeout=60
        )
        return result, log.read_text().splitlines()

    def test_skips_everything_when_installed(self):
        result, log = self.run_script("msodbcsql18 unixodbc-dev packages-microsoft-prod", False)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        self.assertFalse([line for line in log if line.startswith(("apt-get", "curl", "dpkg "))], log)
        self.assertFalse([line for line in log if "pip" in line], log)

    def test_installs_driver_and_pyodbc(self):
        result, log = self.run_script("", True)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        curl = [line for line in log if line.startswith("curl")]
        self.assertEqual(len(curl), 1, log)
        self.assertIn("https://packages.microsoft.com/config/ubuntu/22.04/packages-microsoft-prod.deb", curl[0])
        self.assertTrue(any(line.startswith("dpkg -i") for line in log), log)
        install = [line for line in log if line.startswith("apt-get") and " install " in line]
        self.assertEqual(len(install), 1, log)
        self.assertIn("ACCEPT_EULA=Y", install[0])
        self.assertIn("msodbcsql18", install[0])
        self.assertIn("unixodbc-dev", install[0])
        update = [i for i, line in enumerate(log) if line.startswith("apt-get") and " update" in line]
        self.assertTrue(update and update[0] < log.index(install[0]), log)
        self.assertTrue(any("-m pip install" in line and "pyodbc" in line for line in log), log)

    def test_installs_only_pyodbc_when_driver_present(self):
        result, log = self.run_script("msodbcsql18 unixodbc-dev", True)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)
        self.assertFalse([line for line in log if line.startswith(("apt-get", "curl"))], log)
        self.assertTrue(any("-m pip install" in line for line in log), log)

    def test_refuses_a_non_ubuntu_system(self):
        result, log = self.run_script("", False, os_id="centos")
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse([line for line in log if line.startswith(("apt-get", "curl"))], log)


# --------------------------------------------------------------------------------------------------
# bfx_setup_secrets.ps1.mustache (no PowerShell here: static checks only)
# --------------------------------------------------------------------------------------------------


class SecretsTemplateTest(unittest.TestCase):
    def setUp(self):
        self.text = SECRETS_TEMPLATE.read_text()

    def test_uses_only_the_documented_variables_inside_single_quotes(self):
        import re

        documented = {"secretScope", "secretKey", "catalogServer", "catalogDatabase", "catalogUser", "workspaceUrl"}
        body = re.sub(r"\{\{!.*?\}\}", "", self.text, flags=re.S)
        tags = re.findall(r"(.)\{\{([^}]*)\}\}(.)", body)
        self.assertTrue(tags)
        self.assertEqual({name.strip() for _, name, _ in tags}, documented)
        for before, name, after in tags:
            self.assertEqual((before, after), ("'", "'"), name)
        self.assertEqual(body.count("{{"), len(tags))
        self.assertEqual(body.count("}}"), len(tags))
        comment = re.search(r"\{\{!(.*?)\}\}", self.text, flags=re.S)
        self.assertIsNotNone(comment)
        for name in documented:
            self.assertIn(name, comment.group(1))

    def test_prompts_for_the_password_and_holds_no_secret(self):
        self.assertRegex(self.text, r"Read-Host\s+-AsSecureString")
        self.assertIn("'create-scope'", self.text)
        self.assertRegex(self.text, r"already exists")
        put = [line for line in self.text.splitlines() if "'put-secret'" in line]
        self.assertEqual(len(put), 1)
        # the value goes through standard input, never the command line
        self.assertIn("-InputText $credentialJson", put[0])
        self.assertNotIn("string-value", put[0])
        self.assertNotRegex(self.text.lower(), r"password\s*=\s*'[^']")
        self.assertIn("ConvertTo-Json", self.text)
        for field in ("server", "database", "user", "password", "port"):
            self.assertRegex(self.text, rf"\n\s*{field}\s*=\s*\$")

if __name__ == "__main__":
    unittest.main()
