"""moto in server mode, one request at a time, with DynamoDB transactions that cost what DynamoDB's do.

Three ways moto is not DynamoDB, all fixed here (docs/local-runner.md, "Where moto is not DynamoDB"):

1. moto runs each TransactWriteItems without a lock, so two transactions at once can erase each other.
   A lock around the WSGI app makes every request atomic with respect to the others (connections are
   still accepted on threads), so concurrency tests test our code, not moto's races.
2. moto (5.x) deep-copies every table a transaction touches before it starts, and undoes a failed one by
   putting the copy back: each write costs time in proportion to the table's size (18 ms at 0 items,
   395 ms at 4,000), memory grows without bound, and the restored copy's stream shard is a new object,
   so every stream iterator taken before a failed transaction goes silent. The replacement below checks
   every condition first against the items as they are (as DynamoDB does), writes only when all hold,
   and, should a write itself fail, puts back just the items it touched and the stream records it added.
   Nothing is copied but those items: the cost is flat and the table and its stream stay the same objects.

3. moto ignores a transaction's ClientRequestToken. DynamoDB answers a repeat of a successful
   transaction with the same token (within 10 minutes) with success and writes nothing; the SDK relies
   on it when it retries an attempt whose answer was lost (a timeout on a busy machine). Without it the
   retry runs the transaction again, its conditions fail, and a lawyer whose acceptance went through is
   told it did not. The handler below remembers each successful token for 10 minutes, as DynamoDB does.

When moto's internals differ from what the replacements expect (another major version), they are not
installed and a line on stderr says so: everything still works, with moto's own transactions.
Usage: python3 moto_serialized.py HOST PORT
"""
import copy
import hashlib
import json
import os
import sys
import threading
import time

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app


def flat_transactions():
    """Replaces DynamoDBBackend.transact_write_items; returns False when moto's shape is unexpected."""
    try:
        from moto.dynamodb.comparisons import get_filter_expression
        from moto.dynamodb.exceptions import (ConditionalCheckFailed, MockValidationException,
                                              MultipleTransactionsException, TooManyTransactionsException,
                                              TransactionCanceledException, TransactWriteSingleOpException)
        from moto.dynamodb.models import DynamoDBBackend
        from moto.dynamodb.models.dynamo_type import DynamoType
    except ImportError:
        return False
    if not hasattr(DynamoDBBackend, "transact_write_items"):
        return False

    def key_of(table, op_type, op):
        attrs = op["Item"] if op_type == "Put" else op["Key"]
        key = {table.hash_key_attr: attrs[table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = attrs[table.range_key_attr]
        return key

    def stored(table, key):
        hash_value = DynamoType(key[table.hash_key_attr])
        range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr is not None else None
        return hash_value, range_value

    def put_back(table, key, item):
        """Restores one item exactly as it was (or its absence), writing no stream record."""
        hash_value, range_value = stored(table, key)
        if range_value is not None:
            if item is None:
                table.items.get(hash_value, {}).pop(range_value, None)
                if hash_value in table.items and not table.items[hash_value]:
                    del table.items[hash_value]
            else:
                table.items[hash_value][range_value] = item
        elif item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item

    def transact_write_items(self, transact_items):
        if len(transact_items) > 100:
            raise TooManyTransactionsException()
        targets = set()
        planned = []
        errors = []
        # Phase 1: every condition, against the items as they are before the transaction.
        for entry in transact_items:
            if len(list(entry.keys())) > 1:
                raise TransactWriteSingleOpException
            original_item = None
            try:
                op_type, op = next(iter(entry.items()))
                if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                    raise ValueError("Unsupported transaction operation")
                table = self.get_table(op["TableName"])
                key = key_of(table, op_type, op)
                target = (str(op["TableName"]), str(dict(sorted(key.items()))))
                if target in targets:
                    raise MultipleTransactionsException()
                targets.add(target)
                current = self.get_item(op["TableName"], key)
                condition = op.get("ConditionExpression")
                if condition is not None:
                    check = get_filter_expression(condition, op.get("ExpressionAttributeNames"),
                                                  op.get("ExpressionAttributeValues"))
                    if not check.expr(current):
                        if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                            original_item = current.to_json()["Attributes"]
                        raise ConditionalCheckFailed(item=original_item)
                planned.append((op_type, op, table, key, current))
                errors.append((None, None, None))
            except (MultipleTransactionsException, MockValidationException):
                raise
            except ConditionalCheckFailed as e:
                errors.append(("ConditionalCheckFailed", str(e.message), original_item))
            except Exception as e:  # noqa: BLE001 as moto reports any other failure of one item
                errors.append((type(e).__name__, str(e), None))
        if any(code is not None for code, _, _ in errors):
            raise TransactionCanceledException(errors)

        # Phase 2: the writes; a failing one puts back what this transaction changed.
        stream_lengths = {id(t): (t, len(t.stream_shard.items)) for _, _, t, _, _ in planned if t.stream_shard}
        before = [(table, key, copy.deepcopy(current)) for _, _, table, key, current in planned]
        failed_at = 0
        try:
            for failed_at, (op_type, op, table, key, _) in enumerate(planned):
                names, values = op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
                if op_type == "Put":
                    self.put_item(op["TableName"], op["Item"], expression_attribute_names=names,
                                  expression_attribute_values=values)
                elif op_type == "Delete":
                    self.delete_item(op["TableName"], key, expression_attribute_names=names,
                                     expression_attribute_values=values)
                elif op_type == "Update":
                    self.update_item(op["TableName"], key, update_expression=op["UpdateExpression"],
                                     expression_attribute_names=names, expression_attribute_values=values)
        except Exception as failure:
            for table, key, item in before:
                put_back(table, key, item)
            for table, length in stream_lengths.values():
                del table.stream_shard.items[length:]
            if isinstance(failure, MockValidationException):
                raise
            reasons = [(None, None, None)] * len(planned)
            reasons[failed_at] = (type(failure).__name__, str(failure), None)
            raise TransactionCanceledException(reasons)

    DynamoDBBackend.transact_write_items = transact_write_items
    return True


def idempotent_transactions():
    """Honours TransactWriteItems' ClientRequestToken; returns False when moto's shape is unexpected."""
    try:
        from moto.dynamodb.exceptions import DynamodbException
        from moto.dynamodb.responses import DynamoHandler
    except ImportError:
        return False
    if not hasattr(DynamoHandler, "transact_write_items"):
        return False
    original = DynamoHandler.transact_write_items
    succeeded = {}  # (account, region, token) -> (digest of the request, when)

    def transact_write_items(self):
        token = self.body.get("ClientRequestToken")
        if not token:
            return original(self)
        key = (self.current_account, self.region, token)
        digest = hashlib.sha256(json.dumps(self.body.get("TransactItems"), sort_keys=True).encode()).hexdigest()
        now = time.time()
        for old in [k for k, (_, at) in succeeded.items() if now - at > 600]:
            del succeeded[old]
        if key in succeeded:
            if succeeded[key][0] != digest:
                raise DynamodbException("IdempotentParameterMismatchException",
                                        "Request parameters do not match the earlier request with this client token")
            return _success()
        result = original(self)
        succeeded[key] = (digest, now)
        return result

    def _success():
        from moto.core.responses import ActionResult
        return ActionResult({"ConsumedCapacity": [], "ItemCollectionMetrics": {}})

    DynamoHandler.transact_write_items = transact_write_items
    return True


host, port = sys.argv[1], int(sys.argv[2])
os.environ.setdefault("MOTO_PORT", str(port))
if not flat_transactions():
    print("moto_serialized: this moto's DynamoDB is not the shape expected; its own transactions stay", file=sys.stderr)
if not idempotent_transactions():
    print("moto_serialized: this moto's DynamoDB handler is not the shape expected; client tokens stay ignored",
          file=sys.stderr)
app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def one_at_a_time(environ, start_response):
    with lock:
        return list(app(environ, start_response))


run_simple(host, port, one_at_a_time, threaded=True)
