"""bfxutils: run catalog logging for the Databricks notebooks that bfx generates.

This module is copied unchanged into every generated Databricks Asset Bundle. The notebooks pass
their configuration at run time, for example::

    import bfxutils

    catalog = bfxutils.from_databricks_secret(dbutils, "bfx", "bfx-catalog", driver="JDBC")
    with bfxutils.step(catalog, "LOAD_Customer", "MyProject",
                       parent_execution_id=parent_id, run_id=run_id) as s:
        if not s.skip:
            rows = load_customer()
            s.log_row_count("dv.HUB_Customer", "Insert", rows)

The credentials live in a Databricks secret whose value is either JSON
(``{"server": ..., "database": ..., "user": ..., "password": ..., "port": 1433}``) or an ODBC
connection string (``Driver={ODBC Driver 18 for SQL Server};Server=tcp:host,1433;Database=...;
Uid=...;Pwd=...``). A ``jdbc:sqlserver://host:port;databaseName=...;user=...;password=...`` URL is
accepted as well.

Two drivers (setting DatabricksUtilsDriver):

* ``ODBC``: ``pyodbc`` with the Microsoft ODBC Driver 18 for SQL Server (install both on the cluster
  with ``bfx_init_odbc.sh``).
* ``JDBC``: the pure-Python ``pytds`` module (PyPI ``python-tds``) with TLS through ``pyOpenSSL``
  and the ``certifi`` CA bundle; needs no driver installation, so it works on serverless compute.

Every procedure of the run catalog contract (docs/run-catalog.md) has one method on ``Catalog``.
Values are always sent as parameters, never formatted into the SQL text. The password is never
printed or logged.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import time
from typing import Any, Callable, Iterator, Mapping

__all__ = [
    "Catalog",
    "CatalogCredentials",
    "CatalogError",
    "CredentialsError",
    "Step",
    "from_databricks_secret",
    "parse_credentials",
    "parse_odbc_connection_string",
    "run_logged",
    "step",
]

LOGGER = logging.getLogger("bfxutils")

DRIVER_ODBC = "ODBC"
DRIVER_JDBC = "JDBC"
DRIVERS = (DRIVER_ODBC, DRIVER_JDBC)

DEFAULT_PORT = 1433
DEFAULT_ODBC_DRIVER = "ODBC Driver 18 for SQL Server"
DEFAULT_APP_NAME = "bfx"

FAILED_STAGES = ("COPY", "DATABRICKS", "OTHER")
FAILED_STAGE_DATABRICKS = "DATABRICKS"

#: ExecutionStatus values for which the caller must not process anything and succeeds (C = skip). A (abort:
#: another execution of the package is still open) raises ExecutionAborted instead: a task that quietly
#: succeeded would let the batch end and archive data that was never loaded.
SKIP_STATUSES = frozenset({"C"})
ABORT_STATUS = "A"

#: Longest error message sent to LogExecutionError.
MAX_ERROR_MESSAGE_LENGTH = 4000

_MASK = "***"


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------


class CatalogError(Exception):
    """A run catalog call failed. ``procedure`` names the catalog procedure, when there is one.

    The message never contains the catalog password.
    """

    def __init__(self, message: str, procedure: str | None = None) -> None:
        super().__init__(message)
        self.procedure = procedure


class ExecutionAborted(CatalogError):
    """The run catalog refused the run (status A): another execution of the same package is still open."""


class CredentialsError(CatalogError):
    """The run catalog credentials (the secret's value) could not be read or are incomplete."""


# --------------------------------------------------------------------------------------------------
# Credentials
# --------------------------------------------------------------------------------------------------


class CatalogCredentials:
    """Where and as whom to connect to the run catalog. ``repr`` and ``str`` hide the password."""

    __slots__ = ("server", "database", "user", "_password", "port", "_odbc_connection_string")

    def __init__(
        self,
        server: str,
        database: str,
        user: str = "",
        password: str = "",
        port: int = DEFAULT_PORT,
        odbc_connection_string: str | None = None,
    ) -> None:
        self.server = server
        self.database = database
        self.user = user
        self._password = password
        self.port = port
        self._odbc_connection_string = odbc_connection_string

    @property
    def password(self) -> str:
        return self._password

    @property
    def odbc_connection_string(self) -> str | None:
        """The ODBC connection string the credentials were parsed from (None for JSON)."""
        return self._odbc_connection_string

    def __repr__(self) -> str:
        return (
            f"CatalogCredentials(server={self.server!r}, database={self.database!r}, "
            f"user={self.user!r}, password={_MASK if self._password else ''!r}, port={self.port!r})"
        )

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CatalogCredentials):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):  # pickling would write the password somewhere; refuse it
        raise TypeError("CatalogCredentials cannot be pickled")


_ODBC_SERVER_KEYS = ("server", "address", "addr", "data source", "network address")
_ODBC_DATABASE_KEYS = ("database", "initial catalog")
_ODBC_USER_KEYS = ("uid", "user id", "user", "username", "user name")
_ODBC_PASSWORD_KEYS = ("pwd", "password")


def parse_credentials(secret: str) -> CatalogCredentials:
    """Parse a secret's value: JSON, an ODBC connection string or a ``jdbc:sqlserver://`` URL.

    Raises ``CredentialsError`` (whose message never repeats the secret) when it is neither or
    when required parts are missing.
    """
    if not isinstance(secret, str):
        raise CredentialsError("the run catalog secret must be a string")
    text = secret.strip().lstrip("\ufeff").strip()
    if not text:
        raise CredentialsError("the run catalog secret is empty")
    if text[0] in "{[":
        return _parse_json_credentials(text)
    if text[:5].lower() == "jdbc:":
        return _parse_jdbc_url(text)
    if "=" in text:
        return _parse_odbc_credentials(text)
    raise CredentialsError(
        "the run catalog secret is neither JSON "
        '({"server", "database", "user", "password", "port"}) nor an ODBC connection string'
    )


def _parse_json_credentials(text: str) -> CatalogCredentials:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:  # exc.msg/lineno/colno never contain the document
        raise CredentialsError(
            f"the run catalog secret is not valid JSON ({exc.msg} at line {exc.lineno}, "
            f"column {exc.colno})"
        ) from None
    if not isinstance(raw, dict):
        raise CredentialsError("the run catalog secret's JSON must be an object")
    values = {str(key).strip().lower(): value for key, value in raw.items()}
    missing = [
        name
        for name in ("server", "database", "user", "password")
        if not isinstance(values.get(name), str) or not values[name].strip()
    ]
    if missing:
        raise CredentialsError(
            "the run catalog secret's JSON lacks a non-empty string for: " + ", ".join(missing)
        )
    host, embedded_port = _split_server(values["server"])
    port = values.get("port")
    if port is None or (isinstance(port, str) and not port.strip()):
        port = embedded_port if embedded_port is not None else DEFAULT_PORT
    return CatalogCredentials(
        server=host,
        database=values["database"].strip(),
        user=values["user"].strip(),
        password=values["password"],
        port=_check_port(port),
    )


def parse_odbc_connection_string(text: str) -> dict[str, str]:
    """Split an ODBC connection string into ``{lower-case key: value}``.

    Keys are case-insensitive (inner whitespace collapsed); values may be wrapped in braces, in
    which ``}}`` stands for ``}``; unbraced values are trimmed. When a key repeats, the first value
    counts (as in SQLDriverConnect). Errors name positions, never the content.
    """
    result: dict[str, str] = {}
    length = len(text)
    pos = 0
    while pos < length:
        while pos < length and (text[pos] == ";" or text[pos].isspace()):
            pos += 1
        if pos >= length:
            break
        equals = text.find("=", pos)
        semicolon = text.find(";", pos)
        if equals < 0 or (0 <= semicolon < equals):
            raise CredentialsError(
                f"malformed ODBC connection string: a key without '=' at position {pos}"
            )
        key = " ".join(text[pos:equals].split()).lower()
        if not key:
            raise CredentialsError(f"malformed ODBC connection string: empty key at position {pos}")
        pos = equals + 1
        while pos < length and text[pos] in " \t":
            pos += 1
        if pos < length and text[pos] == "{":
            start = pos
            pos += 1
            chars: list[str] = []
            while True:
                if pos >= length:
                    raise CredentialsError(
                        "malformed ODBC connection string: the braced value starting at position "
                        f"{start} is not closed"
                    )
                if text[pos] == "}":
                    if pos + 1 < length and text[pos + 1] == "}":
                        chars.append("}")
                        pos += 2
                        continue
                    pos += 1
                    break
                chars.append(text[pos])
                pos += 1
            value = "".join(chars)
            while pos < length and text[pos].isspace():
                pos += 1
            if pos < length and text[pos] != ";":
                raise CredentialsError(
                    "malformed ODBC connection string: unexpected text after the braced value "
                    f"at position {pos}"
                )
        else:
            end = text.find(";", pos)
            if end < 0:
                end = length
            value = text[pos:end].strip()
            pos = end
        result.setdefault(key, value)
    return result


def _first(values: Mapping[str, str], keys: tuple[str, ...]) -> str:
    """The value of the first of the synonyms ``keys`` that occurs in ``values`` (in its order)."""
    for key, value in values.items():
        if key in keys and value:
            return value
    return ""


def _parse_odbc_credentials(text: str) -> CatalogCredentials:
    values = parse_odbc_connection_string(text)
    server = _first(values, _ODBC_SERVER_KEYS)
    database = _first(values, _ODBC_DATABASE_KEYS)
    if not server and not values.get("dsn"):
        raise CredentialsError(
            "the run catalog ODBC connection string names no server "
            "(Server, Address, Addr, Data Source or Network Address)"
        )
    host, embedded_port = _split_server(server) if server else ("", None)
    port: Any = values.get("port") or embedded_port or DEFAULT_PORT
    return CatalogCredentials(
        server=host,
        database=database,
        user=_first(values, _ODBC_USER_KEYS),
        password=_first(values, _ODBC_PASSWORD_KEYS),
        port=_check_port(port),
        odbc_connection_string=text,
    )


_JDBC_PREFIX = re.compile(r"^jdbc:sqlserver://", re.IGNORECASE)


def _parse_jdbc_url(text: str) -> CatalogCredentials:
    match = _JDBC_PREFIX.match(text)
    if not match:
        raise CredentialsError("the run catalog JDBC URL must start with jdbc:sqlserver://")
    rest = text[match.end():]
    address, _, properties = rest.partition(";")
    values = parse_odbc_connection_string(properties) if properties.strip() else {}
    address = address.strip() or values.get("servername", "")
    host, _, port_text = address.partition(":")
    port: Any = port_text or values.get("portnumber") or values.get("port") or DEFAULT_PORT
    if not host:
        raise CredentialsError("the run catalog JDBC URL names no server")
    return CatalogCredentials(
        server=host.strip(),
        database=values.get("databasename") or values.get("database") or "",
        user=values.get("user") or values.get("username") or "",
        password=values.get("password", ""),
        port=_check_port(port),
    )


def _split_server(value: str) -> tuple[str, int | None]:
    """``tcp:host,1433`` -> ("host", 1433); ``host`` -> ("host", None)."""
    text = value.strip()
    if text[:4].lower() == "tcp:":
        text = text[4:].strip()
    port: int | None = None
    if "," in text:
        text, port_text = text.rsplit(",", 1)
        port = _check_port(port_text)
    host = text.strip()
    if not host:
        raise CredentialsError("the run catalog server name is empty")
    return host, port


def _check_port(value: Any) -> int:
    try:
        port = int(str(value).strip()) if not isinstance(value, bool) else -1
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise CredentialsError("the run catalog port must be a whole number from 1 to 65535")
    return port


def _odbc_quote(value: Any) -> str:
    return "{" + str(value).replace("}", "}}") + "}"


def _odbc_connection_string(credentials: CatalogCredentials, odbc_driver: str) -> str:
    """The ODBC connection string for ``credentials``; an ODBC secret is used as given (a missing
    Driver/DSN is added). Contains the password: never log it."""
    given = credentials.odbc_connection_string
    if given:
        keys = parse_odbc_connection_string(given)
        if "driver" in keys or "dsn" in keys:
            return given
        return f"Driver={_odbc_quote(odbc_driver)};{given}"
    return ";".join(
        [
            f"Driver={_odbc_quote(odbc_driver)}",
            f"Server=tcp:{credentials.server},{credentials.port}",
            f"Database={_odbc_quote(credentials.database)}",
            f"Uid={_odbc_quote(credentials.user)}",
            f"Pwd={_odbc_quote(credentials.password)}",
            "Encrypt=yes",
            "TrustServerCertificate=no",
        ]
    )


# --------------------------------------------------------------------------------------------------
# Drivers
# --------------------------------------------------------------------------------------------------


def _system_ca_file() -> str | None:
    import os
    import ssl

    for candidate in (ssl.get_default_verify_paths().cafile, "/etc/ssl/certs/ca-certificates.crt"):
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


def _ca_file() -> str:
    try:
        import certifi
    except ImportError:
        cafile = _system_ca_file()
        if cafile:
            return cafile
        raise CatalogError(
            "driver JDBC needs a CA bundle for TLS: install certifi (pip install certifi)"
        ) from None
    return certifi.where()


class _OdbcDriver:
    name = DRIVER_ODBC
    marker = "?"

    def __init__(self, catalog: "Catalog") -> None:
        self._catalog = catalog

    def connect(self) -> Any:
        try:
            import pyodbc
        except ImportError:
            raise CatalogError(
                "driver ODBC needs the pyodbc module and the Microsoft ODBC Driver 18 for SQL "
                "Server on the cluster (install them with the init script bfx_init_odbc.sh), or "
                "use driver JDBC"
            ) from None
        catalog = self._catalog
        connection = pyodbc.connect(
            _odbc_connection_string(catalog.credentials, catalog.odbc_driver),
            autocommit=True,
            timeout=catalog.login_timeout,
        )
        if catalog.query_timeout:
            connection.timeout = catalog.query_timeout
        return connection


class _TdsDriver:
    name = DRIVER_JDBC
    marker = "%s"

    def __init__(self, catalog: "Catalog") -> None:
        self._catalog = catalog

    def connect(self) -> Any:
        hint = "pip install python-tds pyOpenSSL certifi (the bfx_jdbc environment), or use driver ODBC"
        try:
            import pytds
        except ImportError:
            raise CatalogError(f"driver JDBC needs the pytds module: {hint}") from None
        try:
            import OpenSSL  # noqa: F401  (pytds needs pyOpenSSL for TLS; Azure SQL requires TLS)
        except ImportError:
            raise CatalogError(f"driver JDBC needs pyOpenSSL for TLS: {hint}") from None
        catalog = self._catalog
        credentials = catalog.credentials
        return pytds.connect(
            dsn=credentials.server,
            port=credentials.port,
            database=credentials.database,
            user=credentials.user,
            password=credentials.password,
            cafile=_ca_file(),
            validate_host=True,
            enc_login_only=False,
            autocommit=True,
            login_timeout=catalog.login_timeout,
            timeout=catalog.query_timeout or None,
            appname=catalog.app_name,
        )


# --------------------------------------------------------------------------------------------------
# Catalog
# --------------------------------------------------------------------------------------------------

_START_COLUMNS = ("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID")


class Catalog:
    """The run catalog, reached through one of two drivers ("ODBC" or "JDBC").

    Each call opens a connection (autocommit), runs one procedure and closes the connection, so a
    long notebook never holds an idle connection that Azure SQL may have dropped.
    """

    def __init__(
        self,
        credentials: CatalogCredentials,
        driver: str = DRIVER_JDBC,
        *,
        odbc_driver: str = DEFAULT_ODBC_DRIVER,
        login_timeout: int = 60,
        query_timeout: int = 300,
        connect_retries: int = 2,
        retry_delay: float = 10.0,
        app_name: str = DEFAULT_APP_NAME,
    ) -> None:
        if not isinstance(credentials, CatalogCredentials):
            raise TypeError("credentials must be a CatalogCredentials (see parse_credentials)")
        self.credentials = credentials
        self.odbc_driver = odbc_driver
        self.login_timeout = login_timeout
        self.query_timeout = query_timeout
        self.connect_retries = max(0, int(connect_retries))
        self.retry_delay = retry_delay
        self.app_name = app_name
        name = _normalize_driver(driver)
        self._driver = _OdbcDriver(self) if name == DRIVER_ODBC else _TdsDriver(self)
        missing = []
        if not credentials.server and not (name == DRIVER_ODBC and credentials.odbc_connection_string):
            missing.append("server")
        if name == DRIVER_JDBC or not credentials.odbc_connection_string:
            missing += [
                label
                for label, value in (
                    ("database", credentials.database),
                    ("user", credentials.user),
                    ("password", credentials.password),
                )
                if not value
            ]
        if missing:
            raise CredentialsError(
                f"driver {name} needs the run catalog's " + ", ".join(missing)
                + " in the credentials"
            )

    @property
    def driver(self) -> str:
        return self._driver.name

    def __repr__(self) -> str:
        return (
            f"Catalog(driver={self.driver!r}, server={self.credentials.server!r}, "
            f"database={self.credentials.database!r}, user={self.credentials.user!r})"
        )

    # -- the contract's procedures ---------------------------------------------------------------

    def log_execution_start(
        self,
        package_name: str,
        project_name: str,
        is_batch: bool,
        parent_execution_id: int | None = None,
        run_id: str | None = None,
    ) -> dict[str, Any]:
        """bfx.LogExecutionStart. Returns ``{"ExecutionID", "ExecutionStatus", "NextLoadStatus",
        "LastExecutionID"}``."""
        row = self._call(
            "LogExecutionStart",
            [
                ("PackageName", package_name),
                ("ProjectName", project_name),
                ("IsBatch", bool(is_batch)),
                ("ParentExecutionID", parent_execution_id),
                ("RunId", run_id),
            ],
            columns=_START_COLUMNS,
        )
        assert row is not None
        if row["ExecutionID"] is None:
            raise CatalogError("bfx.LogExecutionStart returned no ExecutionID", "LogExecutionStart")
        row["ExecutionID"] = int(row["ExecutionID"])
        if row["LastExecutionID"] is not None:
            row["LastExecutionID"] = int(row["LastExecutionID"])
        return row

    def log_execution_end(self, execution_id: int) -> None:
        """bfx.LogExecutionEnd."""
        self._call("LogExecutionEnd", [("ExecutionID", execution_id)])

    def log_execution_error(
        self, execution_id: int, activity_name: str, error_message: str, failed_stage: str
    ) -> str | None:
        """bfx.LogExecutionError. ``failed_stage`` is COPY, DATABRICKS or OTHER. Returns the
        NextLoadStatus the catalog chose."""
        stage = str(failed_stage).strip().upper()
        if stage not in FAILED_STAGES:
            raise ValueError("failed_stage must be one of " + ", ".join(FAILED_STAGES))
        row = self._call(
            "LogExecutionError",
            [
                ("ExecutionID", execution_id),
                ("ActivityName", activity_name),
                ("ErrorMessage", error_message),
                ("FailedStage", stage),
            ],
            columns=("NextLoadStatus",),
        )
        assert row is not None
        return row["NextLoadStatus"]

    def log_row_count(
        self, execution_id: int, object_name: str, count_type: str, row_count: int
    ) -> None:
        """bfx.LogRowCount."""
        self._call(
            "LogRowCount",
            [
                ("ExecutionID", execution_id),
                ("ObjectName", object_name),
                ("CountType", count_type),
                ("RowCount", int(row_count)),
            ],
        )

    def get_config_variable(
        self,
        system_name: str,
        object_name: str,
        variable_name: str,
        default_value: Any = None,
        execution_id: int | None = None,
    ) -> str | None:
        """bfx.GetConfigVariable: the stored value, or ``default_value`` (stored by the catalog)."""
        row = self._call(
            "GetConfigVariable",
            [
                ("SystemName", system_name),
                ("ObjectName", object_name),
                ("VariableName", variable_name),
                ("DefaultValue", _text(default_value)),
                ("ExecutionID", execution_id),
            ],
            columns=("VariableValue",),
        )
        assert row is not None
        return row["VariableValue"]

    def set_config_variable(
        self,
        system_name: str,
        object_name: str,
        variable_name: str,
        variable_value: Any,
        execution_id: int | None = None,
    ) -> None:
        """bfx.SetConfigVariable (the catalog never moves a value backwards)."""
        self._call(
            "SetConfigVariable",
            [
                ("SystemName", system_name),
                ("ObjectName", object_name),
                ("VariableName", variable_name),
                ("VariableValue", _text(variable_value)),
                ("ExecutionID", execution_id),
            ],
        )

    # -- plumbing --------------------------------------------------------------------------------

    def _scrub(self, value: Any, limit: int = 2000) -> str:
        """``str(value)`` without the password (or the connection string that holds it)."""
        text = str(value)
        secrets = [self.credentials.password, self.credentials.odbc_connection_string or ""]
        for secret in sorted((s for s in secrets if s), key=len, reverse=True):
            text = text.replace(secret, _MASK)
        return text if len(text) <= limit else text[:limit] + "..."

    def _connect(self, procedure: str) -> Any:
        attempt = 0
        while True:
            try:
                return self._driver.connect()
            except CatalogError as exc:
                exc.procedure = exc.procedure or procedure
                raise
            except Exception as exc:  # the driver's own errors
                if attempt < self.connect_retries:
                    attempt += 1
                    LOGGER.warning(
                        "bfx.%s: connecting to the run catalog failed (%s), retry %d of %d",
                        procedure, type(exc).__name__, attempt, self.connect_retries,
                    )
                    if self.retry_delay:
                        time.sleep(self.retry_delay)
                    continue
                message = (
                    f"bfx.{procedure}: could not connect to the run catalog "
                    f"(server {self.credentials.server!r}, database {self.credentials.database!r}, "
                    f"driver {self.driver}): {type(exc).__name__}: {self._scrub(exc)}"
                )
                raise CatalogError(message, procedure) from None

    def _call(
        self,
        procedure: str,
        params: list[tuple[str, Any]],
        columns: tuple[str, ...] | None = None,
    ) -> dict[str, Any] | None:
        marker = self._driver.marker
        sql = f"EXEC bfx.{procedure} " + ", ".join(f"@{name} = {marker}" for name, _ in params)
        values = tuple(value for _, value in params)
        LOGGER.debug(
            "run catalog: bfx.%s (%s) via %s", procedure, ", ".join(n for n, _ in params), self.driver
        )
        connection = self._connect(procedure)
        cursor = None
        try:
            cursor = connection.cursor()
            cursor.execute(sql, values)
            row = _first_row(cursor) if columns else None
            _drain(cursor)
        except CatalogError:
            raise
        except Exception as exc:
            raise CatalogError(
                f"bfx.{procedure} failed on the run catalog: {type(exc).__name__}: "
                f"{self._scrub(exc)}",
                procedure,
            ) from None
        finally:
            for closable in (cursor, connection):
                if closable is not None:
                    try:
                        closable.close()
                    except Exception:  # closing is best effort
                        pass
        if columns is None:
            return None
        if row is None:
            raise CatalogError(f"bfx.{procedure} returned no row", procedure)
        by_name = {str(name).lower(): value for name, value in row.items()}
        absent = [c for c in columns if c.lower() not in by_name]
        if absent:
            raise CatalogError(
                f"bfx.{procedure} returned no column " + ", ".join(absent), procedure
            )
        return {column: by_name[column.lower()] for column in columns}


def _first_row(cursor: Any) -> dict[str, Any] | None:
    """The first row of the first result set that has columns, as ``{column: value}``."""
    for _ in range(100):
        if cursor.description is not None:
            row = cursor.fetchone()
            if row is None:
                return None
            names = [d[0] for d in cursor.description]
            return dict(zip(names, row))
        if not cursor.nextset():
            return None
    return None


def _drain(cursor: Any) -> None:
    """Step through the remaining result sets: errors raised later in a procedure surface there."""
    for _ in range(100):
        if not cursor.nextset():
            return


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return str(value)


def _normalize_driver(driver: str) -> str:
    name = str(driver or "").strip().upper()
    if name not in DRIVERS:
        raise ValueError(f"driver must be one of {', '.join(DRIVERS)} (setting DatabricksUtilsDriver)")
    return name


def from_databricks_secret(
    dbutils: Any, scope: str, key: str, driver: str, **options: Any
) -> Catalog:
    """A ``Catalog`` whose credentials are the value of Databricks secret ``scope``/``key``.

    ``driver`` is "ODBC" or "JDBC"; ``options`` go to ``Catalog`` (odbc_driver, login_timeout,
    query_timeout, connect_retries, retry_delay, app_name).
    """
    _normalize_driver(driver)
    try:
        secret = dbutils.secrets.get(scope=scope, key=key)
    except Exception as exc:
        raise CredentialsError(
            f"could not read the run catalog credentials from Databricks secret scope {scope!r}, "
            f"key {key!r}: {type(exc).__name__}: {str(exc)[:500]}"
        ) from None
    try:
        credentials = parse_credentials(secret)
    except CredentialsError as exc:
        raise CredentialsError(f"Databricks secret scope {scope!r}, key {key!r}: {exc}") from None
    return Catalog(credentials, driver, **options)


# --------------------------------------------------------------------------------------------------
# Notebook helpers
# --------------------------------------------------------------------------------------------------


class Step:
    """One logged execution, as yielded by ``step``."""

    def __init__(self, catalog: Catalog, start: Mapping[str, Any], activity_name: str) -> None:
        self.catalog = catalog
        self.start = dict(start)
        self.activity_name = activity_name
        self.execution_id: int = start["ExecutionID"]
        self.execution_status: str = start["ExecutionStatus"]
        self.next_load_status: str | None = start["NextLoadStatus"]
        self.last_execution_id: int | None = start["LastExecutionID"]

    @property
    def skip(self) -> bool:
        """True when the catalog said C (skip): process nothing."""
        return self.execution_status in SKIP_STATUSES

    @property
    def is_databricks_restart(self) -> bool:
        """True for D: skip the copies and process the data landed by ``last_execution_id``."""
        return self.execution_status == "D"

    def log_row_count(self, object_name: str, count_type: str, row_count: int) -> None:
        self.catalog.log_row_count(self.execution_id, object_name, count_type, row_count)

    def __repr__(self) -> str:
        return (
            f"Step(execution_id={self.execution_id!r}, execution_status={self.execution_status!r}, "
            f"last_execution_id={self.last_execution_id!r})"
        )


def _error_text(catalog: Catalog, exc: BaseException) -> str:
    text = catalog._scrub(f"{type(exc).__name__}: {exc}", limit=MAX_ERROR_MESSAGE_LENGTH)
    return text[:MAX_ERROR_MESSAGE_LENGTH]


@contextlib.contextmanager
def step(
    catalog: Catalog,
    package_name: str,
    project_name: str,
    *,
    is_batch: bool = False,
    parent_execution_id: int | None = None,
    run_id: str | None = None,
    activity_name: str | None = None,
) -> Iterator[Step]:
    """Log start, run the ``with`` body, log end; on an exception log the error (failed stage
    DATABRICKS) and re-raise it.

    When the catalog answers C (skip), ``Step.skip`` is True, the body must do nothing (check it) and
    neither end nor error is logged. When it answers A (abort: another execution of the package is
    still open), ExecutionAborted is raised before the body runs, so the task fails; the catalog has
    closed the refused execution itself.
    """
    start = catalog.log_execution_start(
        package_name, project_name, is_batch, parent_execution_id, run_id
    )
    current = Step(catalog, start, activity_name or package_name)
    if current.execution_status == ABORT_STATUS:
        raise ExecutionAborted(
            f"run catalog refused {package_name}: execution {current.last_execution_id} of it is still "
            f"open (status A). End or fail that execution first (see docs/run-catalog.md)."
        )
    if current.skip:
        LOGGER.info(
            "run catalog: %s execution %s has status %s, nothing to do",
            package_name, current.execution_id, current.execution_status,
        )
        yield current
        return
    try:
        yield current
    except GeneratorExit:
        raise
    except BaseException as exc:  # also KeyboardInterrupt: a cancelled run must not stay open
        try:
            catalog.log_execution_error(
                current.execution_id, current.activity_name, _error_text(catalog, exc),
                FAILED_STAGE_DATABRICKS,
            )
        except Exception as log_exc:
            LOGGER.error(
                "run catalog: could not log the error of execution %s: %s",
                current.execution_id, log_exc,
            )
        raise
    catalog.log_execution_end(current.execution_id)


def run_logged(
    catalog: Catalog,
    package_name: str,
    project_name: str,
    body: Callable[[Step], Any],
    **step_options: Any,
) -> Any:
    """``step`` for a callable: runs ``body(step)`` unless the catalog says skip, and returns its
    result (None when skipped); raises ExecutionAborted on abort."""
    with step(catalog, package_name, project_name, **step_options) as current:
        if current.skip:
            return None
        return body(current)
